import type { RuleSet } from '../detect/engine';
import { networkRuleSetWith } from '../detect/network-rule-set';
import { ruleChoicesFrom } from '../storage/rule-choices';

/**
 * The background's rules: the built-in answer rules with the user's rules and choices from
 * storage.local (utils/detect/network-rule-set.ts), and the stored values themselves, which the
 * page reader (utils/reader) is given to judge HTML with the whole rule set. The options page
 * validated the user's rules when it stored them; here, as in the content script, a malformed one
 * is dropped (rule-choices.ts) and one whose pattern does not compile is left out (engine.ts).
 * `current()` waits for the first read, so an event that wakes the worker is judged by the user's
 * rules rather than dropped or judged by others; if storage cannot be read, the built-in rules judge.
 */
export class RulesLoader {
  private rules: RuleSet = networkRuleSetWith([]);
  private values: Record<string, unknown> = {};
  private loaded: Promise<void>;

  constructor(private readonly read: () => Promise<Record<string, unknown>>) {
    this.loaded = this.load();
  }

  /** Read again (storage.local changed); events wait for this read too. */
  reload(): Promise<void> {
    this.loaded = this.load();
    return this.loaded;
  }

  async current(): Promise<RuleSet> {
    await this.loaded;
    return this.rules;
  }

  /** The storage.local values the rules were made from (for the page reader). */
  async stored(): Promise<Record<string, unknown>> {
    await this.loaded;
    return this.values;
  }

  private async load(): Promise<void> {
    try {
      const stored = await this.read();
      const { userRules, choices } = ruleChoicesFrom(stored);
      this.rules = networkRuleSetWith(userRules, choices);
      this.values = stored;
    } catch {
      // Keep the rules in force.
    }
  }
}
