package com.ocrchat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * template.yaml as AWS takes it: cfn-lint (1.51, with its informational rules) finds nothing in the
 * template as written nor in the CloudFormation the SAM translator makes of it, and what customers paid
 * for survives the stack.
 */
class TemplateLintTest {
    private static final String INSTALL = "pip install cfn-lint==1.51.0 aws-sam-translator==1.110.0";
    private static final Path ROOT = TestServer.repositoryRoot();

    @Test
    void cfnLintFindsNothingInTheTemplate() throws Exception {
        assertClean(ROOT.resolve("template.yaml"));
    }

    @Test
    void cfnLintFindsNothingInTheCloudFormationTheSamTranslatorMakes() throws Exception {
        Path transformed = ROOT.resolve("infrastructure/target/template.cloudformation.json");
        Result translation = run(List.of(
                "python3",
                ROOT.resolve("infrastructure/deploy/sam_transform.py").toString(),
                ROOT.resolve("template.yaml").toString()));
        if (translation.output().contains("No module named 'samtranslator'")) {
            fail("aws-sam-translator is not importable by python3: " + INSTALL);
        }
        assertEquals(0, translation.exit(), translation.output());
        Files.writeString(transformed, translation.output(), StandardCharsets.UTF_8);
        assertTrue(translation.output().contains("AWS::Lambda::Function"), "the SAM resources were expanded");
        assertClean(transformed);
    }

    @Test
    void accountsAndTheirCreditsOutliveTheStack() throws IOException {
        Map<String, Object> accounts =
                SamTemplate.read(ROOT.resolve("template.yaml")).asMap();
        Map<String, Object> table = SamTemplate.map(SamTemplate.map(accounts, "Resources"), "AccountsTable");
        assertEquals("Retain", table.get("DeletionPolicy"));
        assertEquals("Retain", table.get("UpdateReplacePolicy"));
    }

    /** samconfig.toml spells out the template's defaults to be changed there: a default changed in one only drifts. */
    @Test
    void theDeployedParametersAreTheTemplatesDefaults() throws IOException {
        Map<String, Object> parameters =
                SamTemplate.map(SamTemplate.read(ROOT.resolve("template.yaml")).asMap(), "Parameters");
        String overrides = Files.readAllLines(ROOT.resolve("samconfig.toml")).stream()
                .filter(line -> line.startsWith("parameter_overrides"))
                .findFirst()
                .orElseThrow();
        String spelled = overrides.substring(overrides.indexOf('"') + 1, overrides.lastIndexOf('"'));
        for (String pair : spelled.split(" ")) {
            String name = pair.substring(0, pair.indexOf('='));
            Map<String, Object> parameter = SamTemplate.map(parameters, name);
            assertEquals(
                    String.valueOf(parameter.get("Default")),
                    pair.substring(pair.indexOf('=') + 1),
                    "samconfig.toml's " + name + " against template.yaml's default");
        }
    }

    private static void assertClean(Path template) throws Exception {
        Result lint = run(List.of("cfn-lint", "--include-checks", "I", "--", template.toString()));
        assertEquals("", lint.output().strip(), "cfn-lint's findings in " + template.getFileName());
        assertEquals(0, lint.exit());
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            fail(command.get(0) + " is not on PATH: " + INSTALL);
            throw e;
        }
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " did not finish");
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
