// Jest's module runtime cannot require() an ES module (content-disposition 3 is one, required by
// @fastify/static). Tests get this CommonJS equivalent of the one function @fastify/static uses.
'use strict';
function create(filename, options) {
  const type = (options && options.type) || 'attachment';
  if (filename === undefined) return type;
  const ascii = String(filename).replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(String(filename)).replace(
    /['()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
  return ascii === filename
    ? `${type}; filename="${ascii}"`
    : `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
module.exports = { create };
