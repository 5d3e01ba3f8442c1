package fr.creneau.app.uitest;

import com.codename1.testing.AbstractTest;
import com.codename1.ui.CN;

public class SmokeTest extends AbstractTest {
    @Override
    public boolean runTest() throws Exception {
        waitForFormName("Hello");
        CN.callSeriallyAndWait(() -> { });
        return true;
    }
}
