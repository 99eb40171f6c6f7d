/**
 * The tap's bundle entry: no exports, so the build's IIFE assigns nothing to the page's window
 * (wxt.config.ts builds the "tap" content script from this file instead of WXT's wrapper).
 */
import { installTap } from './tap-page';

installTap();
