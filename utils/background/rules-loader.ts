import { BUILTIN_RULES, ruleSetWith, type RuleSet } from '../detect/index';
import { validateUserRules } from '../detect/validate';
import { ruleChoicesFrom } from '../storage/rule-choices';

/**
 * The background's rules: the built-in ones with the user's rules and choices from storage.local.
 * `current()` waits for the first read, so an event that wakes the worker is judged by the user's
 * rules rather than dropped or judged by others; if storage cannot be read, the built-in rules judge.
 */
export class RulesLoader {
  private rules: RuleSet = ruleSetWith([]);
  private loaded: Promise<void>;
  private readonly builtinIds = new Set(BUILTIN_RULES.map((r) => r.id));

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

  private async load(): Promise<void> {
    try {
      const stored = await this.read();
      const { choices } = ruleChoicesFrom(stored);
      this.rules = ruleSetWith(validateUserRules(stored.userRules ?? [], this.builtinIds).rules, choices);
    } catch {
      // Keep the rules in force.
    }
  }
}
