// A classic script runs before any module: the clock for "script start".
window.scriptStartAt = performance.now();
setTimeout(() => (window.baselineTickAt = performance.now()));
