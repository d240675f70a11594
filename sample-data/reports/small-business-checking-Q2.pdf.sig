{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA485ILqxJQP/2YWCwtREpjk6YLBlhhuNOGv0+qQ4Ncro=",
  "publicKeyFingerprint" : "909a6e79b855578a101f849a9f8864b2b4b09c0c814ffbab76b54bba2c04bf0b",
  "report" : "small-business-checking-Q2.pdf",
  "reportSha256" : "08fb64ddb9239ec139dfea4facec07c0b16a591881f621c2e9b8d183c686801e",
  "verifiedThroughPosition" : 762,
  "headHash" : "20453ce825eaa30b83a7a257d316cc2b2a9130c3304c93cae1e2f6efcf9c35d6",
  "signature" : "doQKiKLqDIX8FgORXShBipSwdcPXM7iipkEL39YFQufu2tD/ech35xmTR4EMLmn08C9VoqKlYHYRm5zjYX8BCg=="
}