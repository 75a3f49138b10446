import Testing

@testable import HTTPServer

/// Regression: with `ulimit -n 64` and the default 1,024 connections, a flood
/// of idle connections exhausted descriptors, accept() failed with EMFILE and
/// newcomers hung in the backlog instead of getting the fast 503
/// (scripts/reliability/faults.sh, "fd exhaustion").
@Suite struct ReliabilityDescriptorBudgetTests {
    @Test func aLowDescriptorLimitLowersMaxConnections() {
        #expect(DescriptorBudget.maxConnections(configured: 1024, descriptorLimit: 64) == 16)
        // 1,024 - 32 reserved - 32 for cached body files, halved.
        #expect(DescriptorBudget.maxConnections(configured: 1024, descriptorLimit: 1024) == 480)
    }

    @Test func bodyFilesOnlyUnderAComfortableLimit() {
        #expect(DescriptorBudget.bodyFiles(descriptorLimit: 64) == 0)
        #expect(DescriptorBudget.bodyFiles(descriptorLimit: 1023) == 0)
        #expect(DescriptorBudget.bodyFiles(descriptorLimit: 1024) == 32)
        #expect(DescriptorBudget.bodyFiles(descriptorLimit: nil) == 32)
    }

    @Test func aGenerousLimitKeepsTheConfiguredValue() {
        #expect(DescriptorBudget.maxConnections(configured: 1024, descriptorLimit: 20_000) == 1024)
        #expect(DescriptorBudget.maxConnections(configured: 512, descriptorLimit: nil) == 512)
    }

    @Test func aTinyLimitStillAdmitsOneConnection() {
        #expect(DescriptorBudget.maxConnections(configured: 1024, descriptorLimit: 10) == 1)
    }

    @Test func thisProcessHasAReadableLimit() {
        if let limit = DescriptorBudget.currentDescriptorLimit() { #expect(limit > 0) }
    }
}
