package io.entry.offline;

import io.entry.testsupport.ServiceConventionsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceConventionsTest extends ServiceConventionsContract {
}
