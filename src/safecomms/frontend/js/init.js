// Marks the page as script-capable before GOV.UK Frontend's components initialise.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
