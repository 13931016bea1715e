import { AccessDenied, assertStaff, type Staff } from "../auth/verify-staff";

/** A consultant's hours and calendars are theirs to change, and any administrator's. */
export function assertCanManageConsultant(staff: Staff, consultantId: string): void {
  assertStaff(staff);
  if (staff.id !== consultantId && staff.role !== "ADMIN") throw new AccessDenied(403);
}
