{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA485ILqxJQP/2YWCwtREpjk6YLBlhhuNOGv0+qQ4Ncro=",
  "publicKeyFingerprint" : "909a6e79b855578a101f849a9f8864b2b4b09c0c814ffbab76b54bba2c04bf0b",
  "report" : "audit-case.pdf",
  "reportSha256" : "67fdb203793e7311afc747d4fba70147d6192cb9e3796e65eb81ce9e872d7220",
  "verifiedThroughPosition" : 621,
  "headHash" : "7d58136fa459b9437390ef3d2385c93f1fd1923ecd154b3bf79b29e5b38bf10f",
  "signature" : "T7vd/quwwLUdYxGUGbE8VN8zltnXq9ZaYkHgJ+fdYC+DqaUTQUckqpuU+DzGIB2RMCyA+uKUc397tfoRyuQrDw=="
}