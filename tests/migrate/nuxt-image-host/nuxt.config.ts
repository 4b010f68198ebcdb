export default defineNuxtConfig({
  modules: ['@nuxt/content', '@nuxt/image'],
  app: { baseURL: '/' },
  image: {
    cloudinary: {
      baseURL: 'https://res.cloudinary.com/demo-studio/image/upload/',
    },
  },
})
