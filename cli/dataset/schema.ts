/**
 * The dataset's tables, column by column: the one place the staging tables, the final tables,
 * the Parquet files and docs/dataset.md (checked by a unit test) take their columns from.
 *
 * Rows are staged as text and numbers (DuckDB appenders); `final` is the SQL expression that turns
 * the staged column into the published one (timestamps parsed, lists split).
 */
export type StageType = 'VARCHAR' | 'BIGINT' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

export interface Column {
  name: string;
  stage: StageType;
  /** The published type (DuckDB; Parquet and Spark read the same). */
  type: string;
  /** From the staged column; defaults to the staged value. */
  final?: string;
  /** Not staged per row: taken from the row's bundle (`b`) when the table is made. */
  fromBundle?: boolean;
  doc: string;
}

const ts = (name: string, doc: string): Column => ({ name, stage: 'VARCHAR', type: 'TIMESTAMP', final: `TRY_CAST(${name} AS TIMESTAMP)`, doc: `${doc} (UTC)` });
/** Lists are staged as lines (ids, field and file names hold no line break). */
export const LIST_SEP = '\n';
const list = (name: string, doc: string): Column => ({ name, stage: 'VARCHAR', type: 'VARCHAR[]', final: `CASE WHEN ${name} IS NULL OR ${name} = '' THEN []::VARCHAR[] ELSE string_split(${name}, chr(10)) END`, doc });
const text = (name: string, doc: string): Column => ({ name, stage: 'VARCHAR', type: 'VARCHAR', doc });

const PARTICIPANT: Column = { ...text('participant', 'the installation that recorded it: its signing key fingerprint (64 hex digits); `unsigned:` and the hash of the first chain entry for a format-1 bundle'), fromBundle: true };
const BUNDLE: Column = { ...text('bundle', 'SHA-256 of the bundle file the row was read from (`bundles.bundle`)'), fromBundle: true };

export interface Table {
  name: string;
  doc: string;
  /** The column whose UTC month partitions the Parquet files (`month=YYYY-MM`). */
  month: string;
  columns: Column[];
}

export const BUNDLES: Table = {
  name: 'bundles',
  doc: 'every distinct bundle file given, merged or refused (the same file twice is one row)',
  month: 'exported_at',
  columns: [
    text('bundle', 'SHA-256 of the bundle file: the key'),
    text('file_name', 'its file name (the first one, when the same file was given twice)'),
    list('also_as', 'other file names of the same file (duplicates, not merged twice)'),
    text('verdict', '`merged`, or `refused` (verification failed: see `problem`)'),
    text('problem', 'why it was refused: the first thing that does not match, as `shutout verify` says it'),
    text('participant', 'its signing key fingerprint (64 hex digits); `unsigned:` and the hash of the first chain entry for a format-1 bundle; null when refused'),
    text('profile_label', 'the profile label in its manifest (masked when the bundle is redacted)'),
    { name: 'format', stage: 'INTEGER', type: 'INTEGER', doc: 'evidence format (1 or 2)' },
    text('chain_head', 'the chain head: hash of its last chain entry'),
    { name: 'chain_length', stage: 'BIGINT', type: 'BIGINT', doc: 'seq of the head entry' },
    { name: 'findings', stage: 'BIGINT', type: 'BIGINT', doc: 'live findings in the bundle' },
    { name: 'redacted', stage: 'BOOLEAN', type: 'BOOLEAN', doc: 'exported with redaction on' },
    { name: 'captures_included', stage: 'BOOLEAN', type: 'BOOLEAN', doc: 'the bundle carries screenshot and snapshot files' },
    text('generator', 'the Shutout version that wrote it'),
    ts('exported_at', 'when it was exported, as its manifest says'),
    text('notes', 'what verify noted (signature key, timestamp, withheld fields), one per line'),
  ],
};

export const FINDINGS: Table = {
  name: 'findings',
  doc: 'every finding the bundles record, in the state their chains replay to; one row per observation however many bundles hold it',
  month: 'observed_at',
  columns: [
    PARTICIPANT,
    BUNDLE,
    text('id', 'the finding id (random UUID)'),
    text('key', '`pageId|kind` or `pageId|kind|subject` (masked when withheld)'),
    text('page_id', 'one id per page load'),
    ts('observed_at', 'when it was observed'),
    { name: 'tz_offset_minutes', stage: 'INTEGER', type: 'INTEGER', doc: "the observer's offset from UTC (UTC+8 → 480)" },
    { name: 'local_date', stage: 'VARCHAR', type: 'DATE', final: 'TRY_CAST(local_date AS DATE)', doc: "the observer's local date" },
    text('page_url', 'the page (masked text when withheld by redaction)'),
    text('page_title', 'the page title (masked text when withheld)'),
    text('platform', 'marketplace id, or the wall vendor on other hosts'),
    text('kind', '`account-restricted`, `access-denied`, `risk-challenge`, `promotion-denied`, `link-blocked`, `service-suspended`, `coupon-missing`'),
    text('rule_id', 'the rule that fired'),
    text('ruleset_version', 'the rule set it came from'),
    text('snippet', 'the matched words with a little context (masked text when withheld)'),
    text('where_found', '`url`, `title`, `text`, `dialog` or `network` (the record field `where`)'),
    { name: 'confidence', stage: 'DOUBLE', type: 'DOUBLE', doc: '0–1' },
    ts('until_at', 'until when the notice says the block lasts (the record field `until`)'),
    text('subject', 'coupon-missing: `baseline|baselineName|offer`'),
    text('why', 'a general-layer finding (`rule_id` `general.*`, `widget.*`, `structure.*`, `antibot.*`): why it fired (`pattern: …`, `words: …`, `widget: …`, `markup: …`); null for rules\' exact wording and for bundles made before the field'),
    text('basis', 'why `confidence` is below the rule\'s: `url-only` or `page-supplied`; null otherwise'),
    text('initiator', 'address findings: the origin of the page that sent the browser there, when known'),
    text('extension_version', 'the recording extension'),
    text('browser', 'the recording browser'),
    text('ui_language', "the browser's UI language"),
    text('profile_label', 'the label the user chose (masked when withheld)'),
    text('origin', '`local`, or `import` (imported into this installation from a file)'),
    text('imported_from', 'for imports: the file name (masked when withheld)'),
    { name: 'count', stage: 'BIGINT', type: 'BIGINT', doc: 'how many times it was seen on its page load' },
    { name: 'count_known', stage: 'BOOLEAN', type: 'BOOLEAN', doc: 'false for a format-1 finding whose first count is not in its chain' },
    text('review', '`unreviewed`, `confirmed` or `false-positive`'),
    text('note', "the user's note (masked when withheld)"),
    text('scope', '`account`, `network` or `inconclusive` once a scope amendment records it; null before'),
    text('scope_check', 'JSON: the anonymous view that decided `scope` (`at`, `status`, `verdict`, `kinds`, `ruleIds`, `redirects`, `reason`, `offerShown`); null before'),
    list('capture_ids', 'its screenshots and snapshots (`captures.capture_id`)'),
    list('withheld', 'fields whose values the bundle withholds (redaction): their columns hold the masked text'),
    { name: 'seq', stage: 'BIGINT', type: 'BIGINT', doc: 'the chain entry that recorded it' },
    text('hash', 'that entry’s hash (with `participant`, it names the entry; a later bundle of the same chain holds the same one)'),
    text('origin_hash', 'the key: the entry that first recorded the observation — `hash`, or for an import the source entry it names'),
    ts('deleted_at', 'when a later entry of its chain deleted it (tombstone); null while live'),
    text('deleted_reason', '`retention` (the retention setting) or the reason the tombstone gives'),
  ],
};

export const ENTRIES: Table = {
  name: 'chain_entries',
  doc: 'every chain entry of every merged bundle, once (key: `hash`)',
  month: 'at',
  columns: [
    PARTICIPANT,
    BUNDLE,
    { name: 'seq', stage: 'BIGINT', type: 'BIGINT', doc: 'its sequence number' },
    text('type', '`finding`, `import`, `amendment`, `tombstone`, `capture`, `wipe`, `key`, `upgrade`'),
    text('record_id', 'the finding or capture it is about'),
    ts('at', 'when it was appended'),
    text('prev_hash', 'the previous entry’s hash'),
    text('hash', 'SHA-256 over prev_hash and the entry (docs/evidence-format.md): the key'),
    text('data', 'JSON: what the entry states, committed fields opened (withheld ones hold the masked text); null for `finding` and `import` entries, whose content is the `findings` row with this `hash`'),
    text('source_hash', '`import` entries: the entry of the other chain the finding came from'),
    list('withheld', 'fields this entry withholds'),
  ],
};

export const CAPTURES: Table = {
  name: 'captures',
  doc: "screenshots' and snapshots' metadata from the chains' `capture` entries (key: `hash`)",
  month: 'at',
  columns: [
    PARTICIPANT,
    BUNDLE,
    text('capture_id', 'the capture id'),
    text('finding_id', 'the finding it documents'),
    ts('at', 'when it was taken'),
    text('type', '`screenshot` or `mhtml`'),
    text('mime', 'its media type'),
    { name: 'size', stage: 'BIGINT', type: 'BIGINT', doc: 'bytes' },
    text('sha256', 'SHA-256 of the file'),
    text('page_url', 'the page (masked when withheld)'),
    { name: 'seq', stage: 'BIGINT', type: 'BIGINT', doc: 'its chain entry' },
    text('hash', 'its chain entry’s hash: the key'),
    text('file', 'the file in the dataset (`capture-files/<sha256>.<ext>`), when a bundle carried it and `--drop-captures` was not given'),
  ],
};

export const COUPONS: Table = {
  name: 'coupon_observations',
  doc: 'the coupon-missing findings, read out: which offer on which item was missing for whom, and which baseline had seen it',
  month: 'observed_at',
  columns: [
    PARTICIPANT,
    BUNDLE,
    text('finding_hash', 'the finding (`findings.hash`)'),
    ts('observed_at', 'when it was missing'),
    text('platform', 'the platform'),
    text('item_key', 'the item (`platform:itemId`, Taobao, Tmall and Juhuasuan sharing one id space), from the page URL; null when the URL does not name one'),
    text('page_url', 'the item page'),
    text('offer_key', 'the offer: platform, type and deal (never the wording), as utils/coupons/offer.ts keys it'),
    text('offer_label', 'the label as the baseline showed it, when the finding’s text names it'),
    text('baseline', '`history` (this participant’s own earlier visit), `import` (another person’s ledger) or `control` (a logged-out view)'),
    text('baseline_name', 'the imported ledger’s name (masked when withheld)'),
    ts('seen_at', 'when the baseline saw the offer, when the finding’s text names it'),
    text('review', 'the finding’s review'),
    ts('deleted_at', 'when the finding was deleted; null while live'),
  ],
};

export const TABLES: Table[] = [BUNDLES, FINDINGS, ENTRIES, CAPTURES, COUPONS];

/** The columns staged per row (the bundle's own are joined in when the table is made). */
export const staged = (t: Table): Column[] => t.columns.filter((c) => !c.fromBundle);

export function stageDdl(t: Table, schema: string): string {
  return `CREATE TABLE ${schema}.${t.name} (${['bundle_no INTEGER', ...staged(t).map((c) => `"${c.name}" ${c.stage}`)].join(', ')})`;
}

/** The published columns of a table from its staging rows (`s`) and their bundle (`b`). */
export function finalSelect(t: Table): string {
  return t.columns
    .map((c) => {
      const from = c.fromBundle ? `b."${c.name}"` : `s."${c.name}"`;
      const expr = c.final ? c.final.replace(new RegExp(`\\b${c.name}\\b`, 'g'), from) : from;
      return `(${expr})::${c.type} AS "${c.name}"`;
    })
    .join(', ');
}
