// PLACEHOLDER CLI — replaced shortly.
console.log('diplomatic-annotator');
