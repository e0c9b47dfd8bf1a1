/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** Set by the Signpost integration from its `feedbackEndpoint` option; `''` when none. */
  readonly SIGNPOST_FEEDBACK_ENDPOINT: string;
}
