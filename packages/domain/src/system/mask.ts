// Personal document numbers (passports, identity cards, a foreign visitor's travel document) are kept
// in full only in their record: lists, audit summaries and exports to people who do not keep the record
// show them masked — the audit trail is read by the security auditor, one of the 三员, who must not
// read business data (R-SYS-01).

/**
 * A document number with its middle hidden: the first two and the last two characters stay (enough to
 * tell two documents apart), everything between is `*`; at most 4 characters are ever shown, and a
 * number of 4 characters or fewer is hidden whole.
 */
export function maskDocumentNumber(n: string): string {
  const chars = [...n.trim()];
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 4)}${chars.slice(-2).join('')}`;
}
