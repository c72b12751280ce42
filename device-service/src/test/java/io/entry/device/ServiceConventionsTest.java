package io.entry.device;

import io.entry.testsupport.ServiceConventionsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceConventionsTest extends ServiceConventionsContract {
}
