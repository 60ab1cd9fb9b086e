binding.setVariable('event', '{"item":"tea","quantity":2}')
binding.setVariable('expectedAnswer', '{"summary":"2 x tea"}')
binding.setVariable('keepFileTimes', true)
evaluate(new File(itSources, 'verify-bundle.groovy'))
