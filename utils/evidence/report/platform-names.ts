import { platformById } from '../../detect/platforms';
import type { Lang } from './strings';

export function platformName(id: string, lang: Lang): string {
  return platformById(id)?.name[lang] ?? id;
}
