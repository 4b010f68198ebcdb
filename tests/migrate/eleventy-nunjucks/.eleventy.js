const Gallery = require('./src/_config/gallery.js');
const List = (content, title) => `<section><h3>${title}</h3>${content}</section>`;

module.exports = function (eleventyConfig) {
  eleventyConfig.addNunjucksTag('gallery', Gallery);
  eleventyConfig.addShortcode('year', () => `${new Date().getFullYear()}`);
  eleventyConfig.addPairedNunjucksShortcode('list', List);
  return { dir: { input: 'src' } };
};
