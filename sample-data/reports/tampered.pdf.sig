{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA485ILqxJQP/2YWCwtREpjk6YLBlhhuNOGv0+qQ4Ncro=",
  "publicKeyFingerprint" : "909a6e79b855578a101f849a9f8864b2b4b09c0c814ffbab76b54bba2c04bf0b",
  "report" : "tampered.pdf",
  "reportSha256" : "d67f5676f3ab4461ca486dc5d9f3b78040a10c0a0b6c2b4a819aa7a0a2ae73df",
  "verifiedThroughPosition" : 249,
  "headHash" : "177d9302601cc3d81df1e751fcf1096164619e39dc7064ce6717f379987e2f5f",
  "signature" : "zC8QSZso3RF7XhLzJoKBK22kCIL9o5IgrTGhu1qnveK4XEW285A0J3ud2qVcXJudU2TeBHn2xuhdJKoJJZy1AQ=="
}