// the plugin alone: the default training event, no Spring AOT (one WARN line), unzipped without file times
assert new File(basedir, 'build.log').readLines().count { it.contains('[WARNING] No Spring AOT') } == 1
binding.setVariable('event', '"hello"')
binding.setVariable('expectedAnswer', '"HELLO"')
binding.setVariable('keepFileTimes', false)
evaluate(new File(itSources, 'verify-bundle.groovy'))
