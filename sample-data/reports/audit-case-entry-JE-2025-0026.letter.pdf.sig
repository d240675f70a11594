{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA485ILqxJQP/2YWCwtREpjk6YLBlhhuNOGv0+qQ4Ncro=",
  "publicKeyFingerprint" : "909a6e79b855578a101f849a9f8864b2b4b09c0c814ffbab76b54bba2c04bf0b",
  "report" : "audit-case-entry-JE-2025-0026.letter.pdf",
  "reportSha256" : "c292567b2acec756a298a6aa9d1aeb387cb0a05fce2a44a934da92ba84094248",
  "verifiedThroughPosition" : 621,
  "headHash" : "7d58136fa459b9437390ef3d2385c93f1fd1923ecd154b3bf79b29e5b38bf10f",
  "signature" : "kWg1lSV7ai9F1C5liZRRmaqikXM49oHaA/AKXHD9ro8QdcE3UU5nW7UwOufVmQcpRZrFqhxib5mafbb7PuTwBQ=="
}