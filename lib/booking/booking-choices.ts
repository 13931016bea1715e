import type { CompanySize, Topic } from "../db/generated/enums";

// The booking form's two lists, as a person reads them: the form draws them without the schema
// (which the browser loads only when it first checks a field), the emails and the admin show them.

export const companySizeLabels: Record<CompanySize, string> = {
  SIZE_1_10: "1-10",
  SIZE_11_50: "11-50",
  SIZE_51_200: "51-200",
  SIZE_201_1000: "201-1,000",
  SIZE_1000_PLUS: "More than 1,000",
};

export const topicLabels: Record<Topic, string> = {
  DEFINE_ROLE: "Defining a COO or VP of Operations role",
  OPERATIONS_STRATEGY: "Operations strategy",
  PROCESS_EFFICIENCY: "Process and efficiency",
  RESTRUCTURING: "Restructuring the organisation",
  OTHER: "Something else",
};
