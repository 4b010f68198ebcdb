export default defineNuxtConfig({
  modules: ["@nuxt/content", "@nuxtjs/i18n"],
  i18n: {
    defaultLocale: "es",
    strategy: "prefix_except_default",
    locales: [
      { code: "de", file: "de.json" },
      { code: "es", file: "es.json" },
    ],
  },
});
