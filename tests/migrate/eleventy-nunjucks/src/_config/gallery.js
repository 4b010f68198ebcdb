module.exports = function (nunjucks) {
  return new (function () {
    this.tags = ['gallery'];
    this.parse = function (parser, nodes) {
      const tok = parser.nextToken();
      const args = parser.parseSignature(null, true);
      parser.advanceAfterBlockEnd(tok.value);
      const body = parser.parseUntilBlocks('endgallery');
      parser.advanceAfterBlockEnd();
      return new nodes.CallExtension(this, 'run', args, [body]);
    };
    this.run = function (context, opts, body) {
      return `<div class="gallery">${body()}</div>`;
    };
  })();
};
