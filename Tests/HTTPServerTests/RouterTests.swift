import HTTPTypes
import Testing

@testable import HTTPServer

struct RouterTests {
    private var router: Router<String> {
        var router = Router<String>()
        router.add(.get, "/healthz", "health")
        router.add(.get, "/v1/events", "events")
        router.add(.get, "/v1/events/{id}", "event")
        router.add(.get, "/v1/events/latest", "latest")
        router.add(.get, "/v1/measures/{measure}/series", "series")
        router.add(.post, "/v1/search", "search")
        router.add(.get, "/v1/search", "search-get")
        return router
    }

    @Test func literalRoute() {
        guard case .found(let handler, let parameters) = router.match(.get, "/v1/events") else {
            Issue.record("no match")
            return
        }
        #expect(handler == "events")
        #expect(parameters.isEmpty)
    }

    @Test func parameters() {
        guard case .found(let handler, let parameters) = router.match(.get, "/v1/measures/trade volume/series") else {
            Issue.record("no match")
            return
        }
        #expect(handler == "series")
        #expect(parameters == ["measure": "trade volume"])
    }

    @Test func literalBeatsParameter() {
        guard case .found(let latest, _) = router.match(.get, "/v1/events/latest"),
            case .found(let event, let parameters) = router.match(.get, "/v1/events/42")
        else {
            Issue.record("no match")
            return
        }
        #expect(latest == "latest")
        #expect(event == "event")
        #expect(parameters == ["id": "42"])
    }

    @Test func headMatchesGet() {
        guard case .found(let handler, _) = router.match(.head, "/healthz") else {
            Issue.record("HEAD did not match GET")
            return
        }
        #expect(handler == "health")
    }

    @Test func methodNotAllowedListsAllowedMethods() {
        guard case .methodNotAllowed(let allowed) = router.match(.delete, "/v1/events/3") else {
            Issue.record("expected 405")
            return
        }
        #expect(Set(allowed) == [.get, .head])
        guard case .methodNotAllowed(let searchAllowed) = router.match(.put, "/v1/search") else {
            Issue.record("expected 405")
            return
        }
        #expect(Set(searchAllowed) == [.get, .head, .post])
    }

    @Test func notFound() {
        for path in ["/", "/v1", "/v1/measures/x", "/v1/measures/x/series/extra", "/nope"] {
            guard case .notFound = router.match(.get, path) else {
                Issue.record("\(path) should not match")
                continue
            }
        }
    }

    @Test func trailingAndDoubleSlashesAreIgnored() {
        guard case .found(let handler, _) = router.match(.get, "/v1//events/") else {
            Issue.record("no match")
            return
        }
        #expect(handler == "events")
    }

    @Test func laterRegistrationReplaces() {
        var router = Router<Int>()
        router.add(.get, "/a", 1)
        router.add(.get, "/a", 2)
        guard case .found(let handler, _) = router.match(.get, "/a") else {
            Issue.record("no match")
            return
        }
        #expect(handler == 2)
    }
}
