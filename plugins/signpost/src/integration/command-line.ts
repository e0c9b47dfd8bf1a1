/**
 * How the `signpost build` command passes what its flags say (`signpost build DIR --strict`) to
 * the integration: as a second, inline integration that carries them in a hook of its own.
 * Astro merges inline integrations into the site's list, and `signpost()` reads them there.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

export interface CommandLineOptions {
  /** The guides folder given on the command line, overriding the `guides` option. */
  guides?: string;
  /** `--strict`: drafts fail the build. */
  strict?: boolean;
  /** Called with the milliseconds each phase of the build took, for `npm run bench`. */
  onPhase?: (phase: string, milliseconds: number) => void;
  /**
   * Called once the integration knows where the guides are, before any work: the command
   * refuses an output folder that would destroy them.
   */
  onResolved?: (places: { guidesDir: string; root: string }) => void | Promise<void>;
  /**
   * Called as each part of the build starts: checking the guides, rendering the pages,
   * indexing them for search. The command says where a signal stopped it.
   */
  onStart?: (phase: BuildPhase) => void;
  /** Called with what the loader checked, for the command's closing line. */
  onChecked?: (totals: { guides: number; nodes: number }) => void;
}

/** The parts of a build that `onStart` announces. */
export type BuildPhase = 'checking' | 'rendering' | 'indexing';

const NAME = 'signpost:command-line';
const HOOK = 'signpost:command-line';

/** The inline integration `signpost build` adds to Astro's configuration. */
export function commandLineIntegration(options: CommandLineOptions): AstroIntegration {
  return { name: NAME, hooks: { [HOOK]: () => options } };
}

/** The command line's options, when the build was started by `signpost build`. */
export function commandLineOptions(integrations: readonly AstroIntegration[]): CommandLineOptions | undefined {
  const hook = integrations.find((integration) => integration.name === NAME)?.hooks[HOOK];
  return typeof hook === 'function' ? (hook as () => CommandLineOptions)() : undefined;
}

export type Logger = AstroIntegrationLogger;
