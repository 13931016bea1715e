import { describe, expect, it } from "vitest";
import { readServerActionForm } from "./server-action-form";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

// As React 19 writes a useActionState form on the server (copied from /book's HTML).
const drawn = {
  $ACTION_REF_1: "",
  "$ACTION_1:0": '{"id":"6003b96a2c0f8955855be3bf184d2942cbebf5e322","bound":"$@1"}',
  "$ACTION_1:1": '[{"formToken":"mxaca7mm.db859143-3aa3-4b70-ac57-11ddc2046747","values":{"message":"$$100 a month","phone":"$undefined"},"fieldErrors":{},"answer":0}]',
  $ACTION_KEY: "kc7d4813998515d0586af26856c7b8cd6",
  fullName: "Ada",
};

describe("reading a server action's form post", () => {
  it("reads the action's id and its bound state, with React's escapes for strings that start with $ undone", () => {
    expect(readServerActionForm(form(drawn))).toEqual({
      actionId: "6003b96a2c0f8955855be3bf184d2942cbebf5e322",
      boundArguments: [{ formToken: "mxaca7mm.db859143-3aa3-4b70-ac57-11ddc2046747", values: { message: "$100 a month" }, fieldErrors: {}, answer: 0 }],
    });
  });

  it("follows the reference to the bound arguments' field, in hexadecimal", () => {
    const read = readServerActionForm(form({ $ACTION_REF_7: "", "$ACTION_7:0": '{"id":"a1","bound":"$@a"}', "$ACTION_7:10": "[1]" }));
    expect(read).toEqual({ actionId: "a1", boundArguments: [1] });
    expect(readServerActionForm(form({ $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"a1","bound":null}' }))).toEqual({ actionId: "a1", boundArguments: [] });
  });

  it("reads nothing from a post that names no action this way, or whose state only React's decoder reads", () => {
    const unread: Array<Record<string, string>> = [
      { fullName: "Ada" },
      { [`$ACTION_ID_6003b96a`]: "", ...drawn },
      { ...drawn, "$ACTION_1:0": "{broken" },
      { ...drawn, "$ACTION_1:0": '{"id":7,"bound":"$@1"}' },
      { ...drawn, "$ACTION_1:0": '{"id":"a1","bound":"$1"}' },
      { ...drawn, "$ACTION_1:1": '{"formToken":"x"}' },
      { ...drawn, "$ACTION_1:1": '[{"at":"$D2026-12-01T00:00:00.000Z"}]' },
      { ...drawn, "$ACTION_1:1": '[{"nested":{"ref":"$2"}}]' },
      { $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"a1","bound":"$@1"}' },
    ];
    for (const fields of unread) expect(readServerActionForm(form(fields)), JSON.stringify(fields)).toBeUndefined();
  });
});
