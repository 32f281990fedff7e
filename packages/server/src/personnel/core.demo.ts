export const coreDemoSeed = async () => [];
