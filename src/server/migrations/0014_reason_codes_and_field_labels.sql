-- 0014 German and Dutch all the way. Invitations keep why an expert was invited as message codes with
-- parameters (beside the English `reasons` the API contract has), so the web can word them in the
-- reader's language. And admins label what the directory holds as raw keys: custom attributes
-- (`cost_center` -> Kostenstelle) and values of directory fields (a department's name per language,
-- codes such as `part_time`), so pickers, filters and profiles show names instead of keys while the
-- stored value, which segments compare, stays one stable key.
ALTER TABLE help_invitations ADD COLUMN reason_codes jsonb NOT NULL DEFAULT '[]';

CREATE TABLE field_labels (
  -- `attributes.<key>` or a directory field such as `department`.
  field text NOT NULL,
  -- '' labels the field itself; anything else labels that value of the field.
  value text NOT NULL DEFAULT '',
  label_en text,
  label_de text,
  label_nl text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (field, value),
  CHECK (coalesce(label_en, label_de, label_nl) IS NOT NULL)
);
