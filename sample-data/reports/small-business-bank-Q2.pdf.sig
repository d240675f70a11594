{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA7lwDroFzm29xXtOs/ehslV0PM+yiZeabQT/twwIzW+U=",
  "publicKeyFingerprint" : "9f6a86efb15a7511d51b7d82452259fbbd52416fbc806845e10f2402accdf1e6",
  "report" : "small-business-bank-Q2.pdf",
  "reportSha256" : "04c61b52c359346eaf492b8777cc653602626ba019627376dae2099b75e33219",
  "verifiedThroughPosition" : 762,
  "headHash" : "b28d38885d65ea9c484414c49f6a04f7fe3dbd8fc56acd33d84b503cea081cd9",
  "signature" : "f/kKC2F3PkppXkoBOqjd00BkStCEqyJBofMiBj63RpI7hQuXTF8IPr/LlS1K04YWNZXXk6LrOvKn2eWFk+w/Aw=="
}