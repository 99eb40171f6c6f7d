/**
 * The views in shutout.duckdb (docs/dataset.md). They count `evidence`: findings not marked false
 * positive and not deleted by their user (a retention deletion still counts: it was observed).
 */
export const VIEWS: Array<{ name: string; doc: string; sql: string }> = [
  {
    name: 'evidence',
    doc: 'findings that count: not reviewed as false positives, not deleted by their user (retention deletions still count)',
    sql: `SELECT * FROM findings WHERE review IS DISTINCT FROM 'false-positive' AND (deleted_at IS NULL OR deleted_reason = 'retention')`,
  },
  {
    name: 'participants',
    doc: 'one row per participant: the profile label of their latest bundle, their bundles',
    sql: `SELECT participant, arg_max(profile_label, exported_at) AS profile_label, count(*) AS bundles, max(exported_at) AS last_export
          FROM bundles WHERE verdict = 'merged' GROUP BY participant`,
  },
  {
    name: 'findings_per_day',
    doc: "findings per platform and kind per day (the observer's local date)",
    sql: `SELECT local_date AS day, platform, kind, count(*) AS findings, count(DISTINCT participant) AS participants
          FROM evidence GROUP BY local_date, platform, kind`,
  },
  {
    name: 'participant_timeline',
    doc: 'per participant, platform and kind: first and last finding, the latest end of block a notice gave, days with findings',
    sql: `SELECT e.participant, p.profile_label, e.platform, e.kind, min(e.observed_at) AS first_seen, max(e.observed_at) AS last_seen,
            max(e.until_at) AS blocked_until, count(DISTINCT e.local_date) AS days, count(*) AS findings
          FROM evidence e LEFT JOIN participants p USING (participant)
          GROUP BY e.participant, p.profile_label, e.platform, e.kind`,
  },
  {
    name: 'coupon_offer_gaps',
    doc: 'coupon offers seen by some (a participant earlier, another participant’s ledger, a logged-out view) and missing for other participants',
    sql: `WITH labels AS (
            -- an imported ledger is named by its owner's profile label: a participant when exactly one has it
            SELECT profile_label, min(participant) AS participant FROM participants GROUP BY profile_label HAVING count(*) = 1
          ), obs AS (
            SELECT c.*, CASE c.baseline
                WHEN 'history' THEN c.participant
                WHEN 'import' THEN coalesce(l.participant, 'ledger:' || coalesce(c.baseline_name, '?'))
                WHEN 'control' THEN 'logged-out view'
                ELSE c.baseline END AS seen_by
            FROM coupon_observations c LEFT JOIN labels l ON l.profile_label = c.baseline_name
            WHERE c.deleted_at IS NULL AND c.review IS DISTINCT FROM 'false-positive' AND c.item_key IS NOT NULL AND c.offer_key IS NOT NULL
          ), offers AS (
            SELECT item_key, offer_key, any_value(platform) AS platform, any_value(offer_label) AS offer_label,
              list_sort(list(DISTINCT seen_by)) AS seen_by, list_sort(list(DISTINCT participant)) AS missing_for,
              min(observed_at) AS first_missing, max(observed_at) AS last_missing, count(*) AS findings
            FROM obs GROUP BY item_key, offer_key
          )
          SELECT * FROM offers WHERE NOT list_has_all(missing_for, seen_by)`,
  },
];
