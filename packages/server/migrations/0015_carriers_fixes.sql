-- R-CAR-01, R-LVL-04: one physical copy is one ledger record. The same copy (same sender, 文号 and copy
-- number) received twice by one organisation is refused (409 on firstCopyNumber, carriers/module.ts
-- constraintFields); receipts without a 文号 or a sender, copies made here and produced carriers are not
-- concerned, nor a copy handed over (已移交: it left the unit and may be sent again).
CREATE UNIQUE INDEX carrier_received_copy ON carrier (org_id, sender, doc_number, copy_number)
  WHERE origin = 'received' AND doc_number <> '' AND sender <> '' AND copy_number IS NOT NULL
    AND status <> 'handed_over';
