// Records Content-Security-Policy violations in `window.cspViolations`, for the strict-CSP tests
// (test/csp.test.ts) and for anyone trying the `/csp` demo: a classic script loaded before
// everything else, so no violation happens before it listens. No inline script: this page runs
// under that policy itself.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push({
    directive: e.effectiveDirective || e.violatedDirective,
    blockedURI: e.blockedURI,
    sample: e.sample,
    sourceFile: e.sourceFile,
    line: e.lineNumber,
  });
  console.warn(`CSP violation: ${e.effectiveDirective || e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
