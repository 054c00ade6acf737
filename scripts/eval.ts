// PLACEHOLDER
console.log('eval');
