print("corpus-api")
