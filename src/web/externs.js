/**
 * @fileoverview Closure Compiler externs for index.js (emcc --closure 1; src/web/CMakeLists.txt passes this
 * file with --closure-args, and keeps it out of the --js-library list). Names declared here are never
 * renamed: the properties that code outside index.js reads from Module.
 * @externs
 */

/** @const */
var FlopscopeModule = {};

// The WebGL context GL.makeContextCurrent stores as Module.ctx (library_webgl.js, unquoted): shell.html takes
// a snapshot from it and gives it back before an embed sleeps; the browser tests count live contexts.
/** @type {WebGL2RenderingContext} */
FlopscopeModule.ctx;

// DOM properties that Closure Compiler 20220104's browser externs lack (it would rename them).
/** @type {string} */
HTMLElement.prototype.inputMode;
