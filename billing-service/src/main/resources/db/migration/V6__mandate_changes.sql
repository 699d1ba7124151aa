-- « Modifier mes coordonnées bancaires » and « Arrêter le prélèvement » (issue 12). A change of bank
-- details waits for its code in pending_*; once signed, the former account is kept in original_* for the
-- next direct-debit file (AmdmntInd, OrgnlDbtrAcct or SMNDA), which clears it.
alter table direct_debit_mandate
    add column pending_holder_name varchar(70),
    add column pending_iban        varchar(34),
    add column pending_bic         varchar(11),
    add column original_iban       varchar(34),
    add column original_bic        varchar(11),
    add column amended_at          timestamptz,
    add column revoked_at          timestamptz,
    add column revoked_by          varchar(100);
