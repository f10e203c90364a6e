// Records Content-Security-Policy violations, so a drop-in test can show there are none.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
