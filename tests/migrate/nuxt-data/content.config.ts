import { defineCollection, defineContentConfig } from "@nuxt/content";
import { z } from "zod";

export default defineContentConfig({
  collections: {
    work: defineCollection({
      source: "works/*.json",
      type: "data",
      schema: z.object({
        title: z.string().or(z.object({ de: z.string(), es: z.string() })),
        slug: z.string(),
        weight: z.number(),
        tech: z.array(z.string()),
        link: z.url(),
        screenshots: z.array(z.string()),
        repoLink: z.url(),
      }),
    }),
    workText: defineCollection({
      source: "works/texts/**/*.md",
      type: "page",
    }),
  },
});
