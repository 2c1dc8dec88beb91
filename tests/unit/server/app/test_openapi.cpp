// The OpenAPI document stays true: every route the services register is documented, and every
// documented operation is a registered route.
#include "builtinservices.h"
#include "config/config.h"
#include "db/connectionpool.h"
#include "metrics/metricsregistry.h"
#include "service/openapidocument.h"

#include <QtTest>

#include <set>

using namespace sbor;

class TestOpenApi : public QObject {
    Q_OBJECT
private slots:
    void documentMatchesTheRegisteredRoutes()
    {
        const ServiceCatalog catalog = builtinServices();
        const auto targets = catalog.resolveTargets({"all"});
        QVERIFY(targets.ok());
        std::vector<std::unique_ptr<Service>> services;
        for (const auto& name : *targets)
            services.push_back(catalog.find(name)->create());

        Config config(builtinConfigSchema());           // debug routes off, as in production
        db::ConnectionPool pool({"host=/nonexistent"}); // connects lazily: never used here
        MetricsRegistry metrics;
        ServerState state;
        QTemporaryDir dataDir; // the auth service keeps its signing key there
        ServiceContext context{config, pool, metrics, state, dataDir.path().toStdString(), nullptr};
        http::Router router;
        for (const auto& service : services)
            service->init(context);
        for (const auto& service : services)
            service->registerRoutes(router);

        const nlohmann::json document = buildOpenApiDocument(services, "test");
        QCOMPARE(QString::fromStdString(document["openapi"].get<std::string>()), QStringLiteral("3.0.3"));

        std::set<std::string> registered, documented, operationIds;
        for (const auto& route : router.routes())
            registered.insert(http::toLower(route.method) + " " + route.pattern);
        for (auto path = document["paths"].begin(); path != document["paths"].end(); ++path) {
            for (auto operation = path.value().begin(); operation != path.value().end(); ++operation) {
                documented.insert(operation.key() + " " + path.key());
                QVERIFY2(operation.value().contains("responses"), path.key().c_str());
                const std::string id = operation.value().value("operationId", "");
                QVERIFY2(!id.empty() && operationIds.insert(id).second, path.key().c_str());
            }
        }
        for (const auto& route : registered)
            QVERIFY2(documented.count(route), ("undocumented route: " + route).c_str());
        // A route that needs a caller says so in the document (and a public one does not).
        for (const auto& route : router.routes()) {
            const auto path = document["paths"].find(route.pattern);
            if (path == document["paths"].end())
                continue;
            const auto operation = path->find(http::toLower(route.method));
            if (operation == path->end())
                continue;
            const bool documentedAsSecured = operation->contains("security");
            const bool secured = route.access.kind != access::Access::Kind::Anyone;
            QVERIFY2(documentedAsSecured == secured,
                     (route.method + " " + route.pattern + " needs " + route.access.describe()).c_str());
        }
        for (const auto& operation : documented)
            QVERIFY2(registered.count(operation), ("documented but not registered: " + operation).c_str());
    }

    // The gateway routes exactly the documented operations of the services behind it, so the
    // public API in distributed mode is the embedded one (the services run their own checks).
    void gatewayRoutesEveryDocumentedOperation()
    {
        const ServiceCatalog catalog = builtinServices();
        std::vector<std::unique_ptr<Service>> behind;
        for (const auto& entry : catalog.entries())
            if (entry.partOfAll && entry.name != kSystemService)
                behind.push_back(entry.create());
        const nlohmann::json document = buildOpenApiDocument(behind, "test");

        Config config(builtinConfigSchema());
        db::ConnectionPool pool({"host=/nonexistent"});
        MetricsRegistry metrics;
        ServerState state;
        ServiceContext context{config, pool, metrics, state, "", nullptr};
        http::Router router;
        const auto gateway = catalog.find("gateway")->create();
        gateway->init(context);
        gateway->registerRoutes(router);

        std::set<std::string> routed, documented;
        for (const auto& route : router.routes()) {
            routed.insert(http::toLower(route.method) + " " + route.pattern);
            QCOMPARE(route.service, std::string("gateway"));
        }
        for (auto path = document["paths"].begin(); path != document["paths"].end(); ++path)
            for (auto operation = path.value().begin(); operation != path.value().end(); ++operation)
                documented.insert(operation.key() + " " + path.key());
        QVERIFY(documented.size() > 50);
        QVERIFY(documented == routed);
        QVERIFY(!routed.count("get /healthz")); // the gateway answers its own health
        // Its own document is the services' document.
        QCOMPARE(nlohmann::json::parse(gateway->apiDescription()), document["paths"]);
    }

    void errorSchemaListsEveryCode()
    {
        const nlohmann::json document = buildOpenApiDocument({}, "test");
        const auto codes =
            document["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"];
        QVERIFY(std::find(codes.begin(), codes.end(), "validation_failed") != codes.end());
        QVERIFY(std::find(codes.begin(), codes.end(), "request_timeout") != codes.end());
    }
};

QTEST_APPLESS_MAIN(TestOpenApi)
#include "test_openapi.moc"
