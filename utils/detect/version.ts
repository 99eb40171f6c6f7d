/**
 * Recorded with every finding. Bumped when a rule's meaning changes (what it matches, its kind
 * or confidence), not when only its sources or its file change, nor when a new platform's own
 * rules arrive (their ids are new). Its own module so that code that records findings need not
 * load the rules.
 */
export const RULESET_VERSION = '2026.12.08-4';
