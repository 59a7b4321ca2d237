// Message codes of people imports (ADR 0015): problems of a row, each with its line and field in the
// import's report, and problems of the upload as a whole.
import type { ProblemCodeTable } from './problem-code-table.js';

export const IMPORT_PROBLEM_CODES = {
  // A value of a row.
  'import.required': [],
  'import.too_long': ['max'],
  'import.not_text': ['value'],
  'import.not_a_number': ['value'],
  'import.out_of_range': ['value', 'min', 'max'],
  'import.not_a_date': ['value'],
  'import.date_out_of_range': ['value', 'min', 'max'],
  'import.not_an_email': ['value'],
  'import.not_a_country': ['value'],
  'import.not_a_language': ['value'],
  'import.not_a_time_zone': ['value'],
  'import.not_one_of': ['value', 'allowed'],
  'import.not_yes_no': ['value'],
  'import.bad_hashtag': ['value'],
  'import.too_many_items': ['max'],
  'import.not_a_list': [],
  'import.not_an_object': [],
  'import.attributes_too_large': ['max'],
  'import.unknown_field': ['field'],
  // A line of the file.
  'import.invalid_character': [],
  'import.invalid_utf8': [],
  'import.line_too_long': ['max'],
  'import.not_json': [],
  'import.not_an_object_line': [],
  'import.csv_unterminated_quote': [],
  'import.csv_cell_count': ['cells', 'columns'],
  'import.csv_unreadable': [],
  // A row against the others and the directory.
  'import.duplicate_external_id': ['external_id', 'line'],
  'import.duplicate_email': ['email', 'line'],
  'import.email_taken': ['email', 'owner'],
  'import.unknown_manager': ['manager'],
  'import.manager_rejected': ['manager', 'line'],
  'import.own_manager': [],
  'import.manager_cycle': ['cycle'],
  // The upload.
  'import.unsupported_media_type': [],
  'import.too_large': ['max_mb'],
  'import.empty_file': [],
  'import.unknown_columns': ['columns'],
  'import.no_external_id_column': [],
  'import.duplicate_column': ['column'],
  'import.header_unreadable': [],
  'import.failed': [],
} as const satisfies ProblemCodeTable;
