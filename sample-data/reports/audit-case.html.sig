{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA485ILqxJQP/2YWCwtREpjk6YLBlhhuNOGv0+qQ4Ncro=",
  "publicKeyFingerprint" : "909a6e79b855578a101f849a9f8864b2b4b09c0c814ffbab76b54bba2c04bf0b",
  "report" : "audit-case.html",
  "reportSha256" : "d896b08799c877985b38d98158083621075e1f175021148689c1f7005e42481a",
  "verifiedThroughPosition" : 621,
  "headHash" : "7d58136fa459b9437390ef3d2385c93f1fd1923ecd154b3bf79b29e5b38bf10f",
  "signature" : "GSI9gTCCxkToVR5BVCstxahPei6EVKM5GcBv4krmcpGIcYNGAybEyuR+gkHS5j/xCSQBYstBJnRsVo5Q+WgPBg=="
}