/**
 * The attributes of the components a guide may use, checked like a node's: an unknown or
 * ill-typed attribute is reported at its place. Signpost renders each component itself
 * (render/components.ts); guides never import or run code.
 *
 * ```mdx
 * Press :kbd[Ctrl+C] to copy.
 * ::screenshot[The Connect dialog]{src="./img/connect.png" alt="The Connect dialog with its Sign in button" width="480"}
 * ```
 */
import { z } from 'zod';

/** A flag attribute: `{open}` alone, or `open="true"` / `open="false"`. */
const flag = z
  .enum(['', 'true', 'false'], { error: 'expected no value (`{open}`), `"true"` or `"false"`' })
  .transform((value) => value !== 'false');

/** A file beside the guide, as a relative path (`./img/connect.png`). */
const localFile = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `must name the ${what} file, such as \`./img/${what === 'video' ? 'demo.mp4' : 'connect.png'}\``);

/** A width in CSS pixels, the largest the image is shown at. */
const width = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{0,3}$/, 'expected a width in pixels, such as `480`')
  .transform(Number);

/** `:kbd[Ctrl+C]`: keys to press, each in its own key cap. */
export const KbdAttributes = z.strictObject({});

/** `:::details[Summary]`: content the reader opens when they need it. */
export const DetailsAttributes = z.strictObject({
  /** Shown open at first. */
  open: flag.optional(),
});

/** `::::tabs`: alternatives side by side (Windows / macOS); each is a `:::tab[Label]`. */
export const TabsAttributes = z.strictObject({});
export const TabAttributes = z.strictObject({});

/** `::image[Caption]{src alt}` and `::screenshot[Caption]{src alt}`: a picture beside the guide, with a caption. */
export const ImageAttributes = z.strictObject({
  /** The image file, relative to the guide file: `./img/connect.png`. */
  src: localFile('image'),
  /** What the image shows, for readers who cannot see it (required, not empty). */
  alt: z.string().trim().optional(),
  /** The largest width it is shown at, in pixels (default: its own width, up to the column's). */
  width: width.optional(),
});

/** `::video[Caption]{src title}`: a video file beside the guide, played by the browser. */
export const VideoAttributes = z.strictObject({
  /** The video file (`.mp4` or `.webm`), relative to the guide file. */
  src: localFile('video'),
  /** What the video shows, its accessible name (required). */
  title: z.string().trim().min(1, 'must say what the video shows'),
  /** An image shown before it plays. */
  poster: z.string().trim().min(1).optional(),
  /** Captions as a WebVTT file (`.vtt`). */
  captions: z.string().trim().min(1).optional(),
});

/** The schema of each component's attributes. */
export const COMPONENT_SCHEMAS = {
  kbd: KbdAttributes,
  details: DetailsAttributes,
  tabs: TabsAttributes,
  tab: TabAttributes,
  image: ImageAttributes,
  screenshot: ImageAttributes,
  video: VideoAttributes,
} as const;

/**
 * File types each kind of file reference accepts. Not SVG: an SVG can hold a script, which
 * would run on the site's origin when a reader opens the full-size image.
 */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'gif', 'avif'] as const;
export const VIDEO_EXTENSIONS = ['mp4', 'webm'] as const;
