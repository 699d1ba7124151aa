package fr.portailfamille.testsupport.fieldlabels;

import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;

import java.util.List;
import java.util.Map;

/** A pretend service for FieldLabelsTest: its application class and its controllers. */
public class FamilyApp {

    public enum Civility { MADAME, MONSIEUR }

    public record Address(String postcode, String city) {
    }

    public record Guardian(Civility civility, String phone, Address address) {
    }

    public record NewFamily(String familyName, List<Guardian> guardians, Map<String, Address> homes) {
    }

    public static class Filing {
        private String description;
        private static final int MAX = 10;
    }

    public static class FamilyController {

        public void create(@RequestBody NewFamily family, @PathVariable String number) {
        }

        public void file(@ModelAttribute Filing filing, @RequestPart(name = "file") Object file) {
        }

        public void search(@RequestParam(name = "q") String query, @RequestParam("size") int size) {
        }

        public void notARequest(String ignored) {
        }
    }

    /** Not a controller: its parameters are not checked. */
    public static class FamilyService {

        public void create(@RequestBody Address ignored) {
        }
    }
}
