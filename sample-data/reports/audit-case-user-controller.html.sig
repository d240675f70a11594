{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA7lwDroFzm29xXtOs/ehslV0PM+yiZeabQT/twwIzW+U=",
  "publicKeyFingerprint" : "9f6a86efb15a7511d51b7d82452259fbbd52416fbc806845e10f2402accdf1e6",
  "report" : "audit-case-user-controller.html",
  "reportSha256" : "f297dbeed2c95430c3c119194c2b7cdd094ea067c2111b5cce8aeaa864a779cc",
  "verifiedThroughPosition" : 625,
  "headHash" : "5de7598f539cbf6845926659aa93695cb509d4429375103788b3d6f7b6bf9d0e",
  "signature" : "Dgo6MDhbr7JIXBhSBL9X15EwT/TMChoFXclxJFr3GEEA2NvEFJAFaMtUOSHyJbqlThucwBnHqIG1tmz5WKnXBQ=="
}