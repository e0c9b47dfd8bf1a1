import { defineCollection } from 'astro:content';
import { signpostLoader } from 'signpost/loader';

// The guides: read and checked by Signpost's loader, one entry per node.
export const collections = {
  signpost: defineCollection({ loader: signpostLoader() }),
};
