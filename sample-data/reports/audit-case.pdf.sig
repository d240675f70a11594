{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA7lwDroFzm29xXtOs/ehslV0PM+yiZeabQT/twwIzW+U=",
  "publicKeyFingerprint" : "9f6a86efb15a7511d51b7d82452259fbbd52416fbc806845e10f2402accdf1e6",
  "report" : "audit-case.pdf",
  "reportSha256" : "bcd34722f623c921821f10a70b87720009aa050b7ca1f4e50f3cfc16c22e1e2c",
  "verifiedThroughPosition" : 625,
  "headHash" : "5de7598f539cbf6845926659aa93695cb509d4429375103788b3d6f7b6bf9d0e",
  "signature" : "l42vDsdHnjfdJe4qfArDNw2Rqg1+aDEMmurEBCKGkxWoRap8pnG75UquDQWqwfnHAE8IBuEZjHOUCjCTwluRBg=="
}