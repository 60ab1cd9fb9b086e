// The example events of the page's template picker, as an array of { id, label, javaType, event }:
// templates/index.json and one file per event in templates/ (also served as they are, for curl),
// which the page endpoint puts in place of the placeholder below, so that the page has them at once.
'use strict';

const EVENT_TEMPLATES = Object.freeze(/*{{eventTemplates}}*/[]);
