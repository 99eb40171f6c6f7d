import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installTap } from '../utils/content/tap-page';

// Firefox (no MAIN-world content scripts in MV2): injected by the content script instead.
export default defineUnlistedScript({ include: ['firefox'], main: installTap });
